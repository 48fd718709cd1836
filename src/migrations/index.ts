import * as migration_20261123_140143_initial from './20261123_140143_initial';
import * as migration_20261202_000701_editor_experience from './20261202_000701_editor_experience';

export const migrations = [
  {
    up: migration_20261123_140143_initial.up,
    down: migration_20261123_140143_initial.down,
    name: '20261123_140143_initial',
  },
  {
    up: migration_20261202_000701_editor_experience.up,
    down: migration_20261202_000701_editor_experience.down,
    name: '20261202_000701_editor_experience'
  },
];
