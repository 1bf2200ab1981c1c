// The built app booted against the Electron double as on Windows (see common.ts).
import { commonBootTests } from './common';

commonBootTests('win32');
