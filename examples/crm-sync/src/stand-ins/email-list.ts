/** A member of the email list. */
export interface EmailListMember {
  email: string
  name: string
  tags: string[]
}

/**
 * STAND-IN for your email marketing tool (Mailchimp, Brevo…), in memory: one audience, one member per address.
 * `unavailableForFirstCalls` simulates an outage of the service, so the example shows a failed delivery being
 * retried by OctopusPro.
 */
export class InMemoryEmailList {
  readonly #members = new Map<string, EmailListMember>()
  readonly #unavailableForFirstCalls: number
  /** How many times `subscribe` was called (failed calls included). */
  subscribeCalls = 0

  constructor(
    readonly audience: string,
    options: { unavailableForFirstCalls?: number } = {},
  ) {
    this.#unavailableForFirstCalls = options.unavailableForFirstCalls ?? 0
  }

  async subscribe(member: EmailListMember): Promise<void> {
    this.subscribeCalls++
    if (this.subscribeCalls <= this.#unavailableForFirstCalls)
      throw new Error(`${this.audience}: email service unavailable (simulated outage)`)
    this.#members.set(member.email.toLowerCase(), member)
  }

  members(): EmailListMember[] {
    return [...this.#members.values()]
  }
}
