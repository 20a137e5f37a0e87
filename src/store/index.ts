export { createStores, type StoreSet } from './sqlite-stores.js';
