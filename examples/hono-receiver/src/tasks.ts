/** A task for the team: call a customer back, or look at a changed quote. */
export interface Task {
  kind: 'call_back' | 'review_quote'
  /** The OctopusPro object the task is about (`com_…`, `quo_…`). */
  subject: string
  title: string
}

/**
 * A stand-in for your task tool (Asana, Jira, a Slack/Teams channel…): an in-memory list keyed by subject, so the
 * same event creates one task however often it arrives.
 */
export class InMemoryTaskList {
  readonly #tasks = new Map<string, Task>()

  add(task: Task): void {
    this.#tasks.set(`${task.kind}:${task.subject}`, task)
  }

  list(): Task[] {
    return [...this.#tasks.values()]
  }
}
