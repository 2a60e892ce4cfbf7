export interface TeamServerUser {
  name: string;
  password: string;
  role: 'manager' | 'member';
}
export interface TeamServer {
  url: string;
  team: string;
  admin: { name: string; password: string };
  users: TeamServerUser[];
  stop(): Promise<void>;
  /** Ends the server at once (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port (and, with onDisk, the same data). */
  restart(): Promise<void>;
}
export const DEFAULT_USERS: TeamServerUser[];
export function setUpTeam(
  url: string,
  admin: { name: string; password: string },
  options: { team: string; users: TeamServerUser[]; security: object; designDoc: { _id: string } },
): Promise<void>;
export function startTeamServer(options?: {
  port?: number;
  team?: string;
  users?: TeamServerUser[];
  security?: object;
  designDoc?: { _id: string };
  onDisk?: boolean;
}): Promise<TeamServer>;
