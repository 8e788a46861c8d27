/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WebAssembly modules stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "flexsearch"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
