// `node --import tsx --import ./e2e/electron-double/register.mjs …`: installs hooks.mjs.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
