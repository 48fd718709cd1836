import * as migration_20261123_123908_initial from './20261123_123908_initial';

export const migrations = [
  {
    up: migration_20261123_123908_initial.up,
    down: migration_20261123_123908_initial.down,
    name: '20261123_123908_initial'
  },
];
