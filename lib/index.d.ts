// Types of the package entry: those of the TypeScript sources it loads.
export * from '../src/index.ts';
