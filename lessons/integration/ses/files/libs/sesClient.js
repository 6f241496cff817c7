// The shared client AWS's SES examples import as "../libs/sesClient.js". Region, endpoint and credentials come from
// the standard SDK configuration, which Cloudbook sets to your own emulator account.
import { SESClient } from "@aws-sdk/client-ses";

export const sesClient = new SESClient({});
