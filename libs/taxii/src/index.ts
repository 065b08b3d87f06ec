export * from './media-types';
export * from './paging-cursor';
export * from './taxii-error';
export * from './taxii-exception.filter';
export * from './taxii-media.interceptor';
export * from './taxii-timestamp';
