// Vite gives the URL of a file imported with `?url` (pdf.js's worker script, served as a file of ours).
declare module '*?url' {
  const url: string;
  export default url;
}
