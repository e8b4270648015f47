export * from './common';
export * from './site';
export * from './unit';
export * from './village';
export * from './plan';
export * from './disclosure';
export * from './dataset';
export * from './legal';
