import { Injectable } from '@angular/core';
import type { HubConnection } from '@microsoft/signalr';

type Handler = (...args: unknown[]) => void;

/**
 * The one SignalR connection of the signed-in user (opened by the notification bell), shared with other
 * listeners such as the call center screen pop: they subscribe to a client method here, before or after the
 * connection exists, instead of opening a second connection.
 */
@Injectable({ providedIn: 'root' })
export class RealtimeHub {
  private connection: HubConnection | null = null;
  private readonly handlers = new Map<string, Set<Handler>>();

  /** Called by the owner of the connection when it is built (null when it goes away). */
  attach(connection: HubConnection | null): void {
    if (this.connection) for (const [method, set] of this.handlers) for (const h of set) this.connection.off(method, h);
    this.connection = connection;
    if (connection) for (const [method, set] of this.handlers) for (const h of set) connection.on(method, h);
  }

  /** Listens to a server push; returns the way to stop listening. */
  on<T>(method: string, handler: (payload: T) => void): () => void {
    const h = handler as unknown as Handler;
    let set = this.handlers.get(method);
    if (!set) this.handlers.set(method, (set = new Set()));
    set.add(h);
    this.connection?.on(method, h);
    return () => {
      set.delete(h);
      this.connection?.off(method, h);
    };
  }
}
