/** sql.js's build with the WebAssembly inlined (base64): the same API as `sql.js`, bundled whole into dist/. */
declare module 'sql.js/dist/sql-wasm-inline.js' {
  import type { InitSqlJsStatic } from 'sql.js';
  const initSqlJs: InitSqlJsStatic;
  export default initSqlJs;
}
