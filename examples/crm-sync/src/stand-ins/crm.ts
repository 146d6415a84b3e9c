/** A contact as the CRM stores it, keyed by the OctopusPro customer id. */
export interface CrmContact {
  /** The OctopusPro customer id (`cus_…`): the key that makes the upsert idempotent. */
  externalId: string
  name: string
  email: string | null
  phone: string | null
  company: string | null
  stage: 'new'
}

/**
 * STAND-IN for your CRM (HubSpot, Salesforce, Pipedrive…), in memory. Like a real CRM's upsert-by-external-id, it
 * keeps one contact per customer however often it is called — which is what makes the automation safe to retry.
 */
export class InMemoryCrm {
  readonly #contacts = new Map<string, CrmContact>()
  /** How many times `upsertContact` was called (retries included). */
  upsertCalls = 0

  async upsertContact(contact: CrmContact): Promise<void> {
    this.upsertCalls++
    this.#contacts.set(contact.externalId, contact)
  }

  contacts(): CrmContact[] {
    return [...this.#contacts.values()]
  }
}
