/**
 * Ready configuration for the two web servers a provincial IT unit is likely to run, written into the release bundle:
 * IIS (web.config, placed in the bundle's folder) and nginx (a location block to include in a server block that
 * already has the TLS certificate). Both serve the types Office and the checker page need, never cache the manifest
 * and the HTML pages (a new release must show at once; the hashed scripts may be cached for a year), and serve the
 * service worker uncached so the offline copy is replaced when a release changes.
 */

/** MIME types of every file the bundle holds (and a few a later release may hold). */
export const MIME_TYPES: ReadonlyArray<[string, string]> = [
  [".html", "text/html; charset=utf-8"],
  [".js", "text/javascript; charset=utf-8"],
  [".json", "application/json; charset=utf-8"],
  [".webmanifest", "application/manifest+json"],
  [".xml", "application/xml; charset=utf-8"],
  [".png", "image/png"],
  [".svg", "image/svg+xml"],
  [".ico", "image/x-icon"],
  [".css", "text/css; charset=utf-8"],
  [".woff", "font/woff"],
  [".woff2", "font/woff2"],
  [".txt", "text/plain; charset=utf-8"],
];

/** Files that must always be fetched fresh: the manifest, the pages and the service worker. */
export const NO_CACHE = ["manifest.xml", "taskpane.html", "commands.html", "checker.html", "sw.js", "checker.webmanifest"];

/** IIS: MIME types (IIS refuses to serve extensions it does not know, e.g. .json and .webmanifest), caching, HTTPS. */
export function iisWebConfig(base: string): string {
  // IIS already knows .html, .js, .png …: re-adding a type it knows is an error, so each is removed first.
  const mime = MIME_TYPES.filter(([ext]) => ext !== ".html")
    .map(
      ([ext, type]) => `      <remove fileExtension="${ext}" />\n      <mimeMap fileExtension="${ext}" mimeType="${type.split(";")[0]}" />`,
    )
    .join("\n");
  const noCache = NO_CACHE.map(
    (file) => `  <location path="${file}">
    <system.webServer>
      <staticContent>
        <clientCache cacheControlMode="DisableCache" />
      </staticContent>
      <httpProtocol>
        <customHeaders>
          <add name="Cache-Control" value="no-cache, no-store, must-revalidate" />
        </customHeaders>
      </httpProtocol>
    </system.webServer>
  </location>`,
  ).join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<!--
  Kiểm tra Phụ lục nhiệm vụ / Appendix Checker — IIS configuration for ${base}/
  Đặt tệp này trong thư mục của gói (cùng chỗ với taskpane.html). / Put this file in the bundle's folder.
  HTTPS: Office chỉ tải add-in qua HTTPS với chứng chỉ hợp lệ mà máy trạm tin cậy (không dùng chứng chỉ tự ký
  nếu máy trạm chưa tin cậy nó). Gắn chứng chỉ cho site trong IIS Manager (Bindings… › https › SSL certificate).
  Office loads add-ins over HTTPS only, with a certificate the workstations trust: bind it to the site in IIS
  Manager (Bindings… › https). The rewrite rule below sends http to https and needs the IIS URL Rewrite module;
  remove the <rewrite> block if that module is not installed (IIS then fails with error 500.19 on this file).
-->
<configuration>
  <system.webServer>
    <staticContent>
${mime}
      <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="365.00:00:00" />
    </staticContent>
    <httpProtocol>
      <customHeaders>
        <add name="X-Content-Type-Options" value="nosniff" />
        <add name="Strict-Transport-Security" value="max-age=31536000" />
      </customHeaders>
    </httpProtocol>
    <rewrite>
      <rules>
        <rule name="HTTPS only" stopProcessing="true">
          <match url="(.*)" />
          <conditions>
            <add input="{HTTPS}" pattern="off" ignoreCase="true" />
          </conditions>
          <action type="Redirect" url="https://{HTTP_HOST}/{R:1}" redirectType="Permanent" />
        </rule>
      </rules>
    </rewrite>
  </system.webServer>
${noCache}
</configuration>
`;
}

/**
 * nginx: a location block for the bundle, to include inside the https server block of the host. `root` (inherited by
 * the nested location, unlike alias) is the folder under which the base's path lies.
 */
export function nginxSnippet(base: string, root = "/var/www/appendix-checker"): string {
  const url = new URL(`${base}/`);
  const prefix = url.pathname; // "/" or "/path/"
  const types = MIME_TYPES.map(([ext, type]) => `        ${type.split(";")[0]} ${ext.slice(1)};`).join("\n");
  const noCache = NO_CACHE.map((f) => f.replace(/\./g, "\\.")).join("|");
  return `# Kiểm tra Phụ lục nhiệm vụ / Appendix Checker — nginx for ${base}/
# Chép các tệp của gói vào ${root}${prefix} và đưa khối này vào khối server { listen 443 ssl; … } của ${url.host}.
# Copy the bundle's files to ${root}${prefix} and include this block in the "server { listen 443 ssl; … }" block
# of ${url.host}. HTTPS is required: Office loads add-ins over https only, with a certificate the workstations trust.
# Redirect http to https in the port-80 server block:  return 301 https://$host$request_uri;

location ${prefix} {
    root ${root};
    charset utf-8;
    # .json, .webmanifest and .woff2 are missing from older mime.types files.
    types {
${types}
    }
    default_type application/octet-stream;
    add_header X-Content-Type-Options nosniff always;
    add_header Strict-Transport-Security "max-age=31536000" always;
    # Hashed scripts never change: a year. The manifest, the pages and the service worker: always fresh.
    expires 365d;
    location ~ /(${noCache})$ {
        expires off;
        add_header Cache-Control "no-cache, no-store, must-revalidate" always;
        add_header X-Content-Type-Options nosniff always;
    }
}
`;
}
