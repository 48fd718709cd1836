import { ensureBuild } from './hub'

// One production build for every browser file: the files run in their own processes, which inherit this env.
export default function setup() {
  ensureBuild()
  process.env.HUB_E2E_REUSE_BUILD = '1'
}
