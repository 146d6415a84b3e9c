/** The usage text of `octopuspro` itself: every command in one screen. */
export const mainUsage = `Usage: octopuspro <command> [options]

The local development loop for OctopusPro integrations: no account, no network beyond this machine.

Commands:
  server                   run the reference server (the whole API in memory, delivering signed webhooks)
  listen                   forward webhooks to a local receiver: octopuspro listen --forward-to <url>
  trigger <event-type>     cause an event through real API calls, e.g. octopuspro trigger payment.approved
  events resend <evt_…>    deliver an event again
  deliveries tail          follow webhook delivery attempts as they happen
  logs tail                follow the server's request log as it happens

Run octopuspro <command> --help for a command's options. The commands that call a server take
--base-url (default: OCTOPUSPRO_BASE_URL, else http://127.0.0.1:4010/v1), --api-key (default: OCTOPUSPRO_API_KEY)
and --json (one JSON object per line).`
