import { digestSchedulers } from './digest-instances.js';

await digestSchedulers('PostgreSQL');
