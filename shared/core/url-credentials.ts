/** Hides the user name and password of any URL in a text before it reaches a message, a log line or an HTTP reply. */

/**
 * `scheme://userinfo@`, where userinfo runs to the last @ before the host's end: a password
 * written with a bare @ (`http://admin:p@ss@host`) is hidden whole, not cut at its first @.
 */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#]*@/gi;

/**
 * `http://admin:RootPw123@127.0.0.1:1/v4` → `http://***@127.0.0.1:1/v4`. The *** keeps it
 * visible that the URL carried credentials, which is often the very problem being reported.
 */
export const hideUrlCredentials = (text: string): string => text.replace(USERINFO, "$1***@");

/** True when `value` is a URL with a user name or password in it. */
export const hasUrlCredentials = (value: string): boolean => {
  try {
    const url = new URL(value.trim());
    return url.username !== "" || url.password !== "";
  } catch {
    return false;
  }
};
