// The built app booted against the Electron double as on macOS (see common.ts).
import { commonBootTests } from './common';

commonBootTests('darwin');
