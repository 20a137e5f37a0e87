import { reminderSchedulers } from './reminder-instances.js';

await reminderSchedulers('SQLite');
