export * from './checkpoint.migration';
export * from './data-source.options';
export * from './migrate-schemas';
export * from './typeorm-projection.store';
export * from './coalescer';
export * from './lock-order';
