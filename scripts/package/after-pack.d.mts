// Types for after-pack.mjs (JavaScript: electron-builder loads the hook itself).
export declare function keyringBindingProblem(app: { platform: string; arch: string; unpackedDir: string }): string | null;
declare function afterPack(context: unknown): Promise<void>;
export default afterPack;
