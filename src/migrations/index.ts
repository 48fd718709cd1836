import * as migration_20261123_140143_initial from './20261123_140143_initial';
import * as migration_20261201_235838_glossary_search from './20261201_235838_glossary_search';

export const migrations = [
  {
    up: migration_20261123_140143_initial.up,
    down: migration_20261123_140143_initial.down,
    name: '20261123_140143_initial',
  },
  {
    up: migration_20261201_235838_glossary_search.up,
    down: migration_20261201_235838_glossary_search.down,
    name: '20261201_235838_glossary_search'
  },
];
