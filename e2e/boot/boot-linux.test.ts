// The built app booted against the Electron double as on Linux (see common.ts).
import { commonBootTests } from './common';

commonBootTests('linux');
