/**
 * How many sockets each account holds open on this process, so one account cannot hold
 * hundreds (each costs memory, a join per document and presence fan-out). Per process: with
 * several nodes an account may hold this many on each.
 */
export class SocketQuota {
  private readonly open = new Map<string, number>();

  constructor(private readonly maxPerUser: number) {}

  hasRoomFor(userId: string): boolean {
    return (this.open.get(userId) ?? 0) < this.maxPerUser;
  }

  opened(userId: string): void {
    this.open.set(userId, (this.open.get(userId) ?? 0) + 1);
  }

  closed(userId: string): void {
    const left = (this.open.get(userId) ?? 0) - 1;
    if (left > 0) this.open.set(userId, left);
    else this.open.delete(userId);
  }
}
