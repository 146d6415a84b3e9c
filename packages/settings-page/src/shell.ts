/**
 * The HTML of the settings page: only a frame that loads the bundled script and stylesheet; the script renders
 * everything else.
 *
 * @example
 * ```ts
 * new Response(settingsShell('/settings'), { headers: { 'content-type': 'text/html; charset=utf-8' } })
 * ```
 */
export function settingsShell(basePath: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>API &amp; Webhooks Integrations · OctopusPro reference server</title>
<link rel="stylesheet" href="${basePath}/app.css">
<script type="module" src="${basePath}/app.js"></script>
</head>
<body>
<noscript>The settings page needs JavaScript.</noscript>
</body>
</html>
`
}
