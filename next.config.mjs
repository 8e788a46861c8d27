/** @type {import('next').NextConfig} */
const nextConfig = {
  // NEXT_DIST_DIR lets two builds (e.g. tests and a dev session) live side by side.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Native and WebAssembly modules stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "flexsearch"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
