/** The shipped rule pack's JSON files, put in the page by scripts/build-page.ts. */
declare module 'comply:shipped-rules' {
  const files: { path: string; text: string }[];
  export default files;
}

/** The tool's version (package.json), put in the page by scripts/build-page.ts. */
declare const COMPLY_VERSION: string;
