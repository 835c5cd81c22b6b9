declare module 'toasted-notifier' {
  export interface Notification {
    title: string;
    message: string;
    /** Wait for the user's action before calling back (false: call back once shown). */
    wait?: boolean;
  }
  const notifier: { notify(notification: Notification, callback?: (error: Error | null) => void): unknown };
  export default notifier;
}
