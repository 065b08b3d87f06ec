/** class-transformer's rule storage: its JavaScript is published under `cjs/`, its types under `types/`. */
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
