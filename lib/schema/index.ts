export * from './channel-spend';
export * from './check-in';
export * from './common';
export * from './goal';
export * from './lead';
export * from './metric';
export * from './observation';
export * from './settings';
