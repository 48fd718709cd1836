import * as migration_20261123_140143_initial from './20261123_140143_initial';
import * as migration_20261202_002937_auto_link_switches from './20261202_002937_auto_link_switches';

export const migrations = [
  {
    up: migration_20261123_140143_initial.up,
    down: migration_20261123_140143_initial.down,
    name: '20261123_140143_initial',
  },
  {
    up: migration_20261202_002937_auto_link_switches.up,
    down: migration_20261202_002937_auto_link_switches.down,
    name: '20261202_002937_auto_link_switches'
  },
];
