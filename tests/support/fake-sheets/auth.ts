/** Credentials for tests against the fake Sheets API: a fixed bearer token and a service account name, no Google account. */
import { GoogleAuth, OAuth2Client } from "google-auth-library";

export const TEST_SERVICE_ACCOUNT = "actionlog-runtime@committee-test.iam.gserviceaccount.com";

/**
 * A GoogleAuth whose client already holds a token, so nothing is fetched from Google; getCredentials()
 * names the service account just as it does on Cloud Functions.
 */
export const fakeGoogleAuth = (clientEmail = TEST_SERVICE_ACCOUNT): GoogleAuth => {
  const client = new OAuth2Client();
  client.setCredentials({ access_token: "fake-sheets-token" });
  return new GoogleAuth({ authClient: client, credentials: { client_email: clientEmail } });
};
