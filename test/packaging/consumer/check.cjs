const scenario = require('./scenario.cjs')

scenario({
  contract: require('@octopuspro/contract'),
  client: require('@octopuspro/client'),
  webhooks: require('@octopuspro/webhooks'),
  testing: require('@octopuspro/webhooks/testing'),
  referenceServer: require('@octopuspro/reference-server'),
  msw: require('@octopuspro/reference-server/msw'),
  settingsPage: require('@octopuspro/settings-page'),
  mswNode: require('msw/node'),
}).then(
  (result) => console.log(JSON.stringify({ format: typeof require === 'function' ? 'cjs' : 'esm', ...result })),
  (error) => {
    console.error(error)
    process.exitCode = 1
  },
)
