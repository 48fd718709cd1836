import * as migration_20261123_140143_initial from './20261123_140143_initial'
import * as migration_20261202_014744_round_two from './20261202_014744_round_two'
import * as migration_20261203_065120_login_limits from './20261203_065120_login_limits'

export const migrations = [
  {
    up: migration_20261123_140143_initial.up,
    down: migration_20261123_140143_initial.down,
    name: '20261123_140143_initial',
  },
  {
    up: migration_20261202_014744_round_two.up,
    down: migration_20261202_014744_round_two.down,
    name: '20261202_014744_round_two',
  },
  {
    up: migration_20261203_065120_login_limits.up,
    down: migration_20261203_065120_login_limits.down,
    name: '20261203_065120_login_limits',
  },
]
