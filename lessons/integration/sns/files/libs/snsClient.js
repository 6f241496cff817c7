// The shared client AWS's SNS examples import as "../libs/snsClient.js". Region, endpoint and credentials come from
// the standard SDK configuration, which Cloudbook sets to your own emulator account.
import { SNSClient } from "@aws-sdk/client-sns";

export const snsClient = new SNSClient({});
