// The CloudWatch client AWS's examples import from "../libs/client.js": the SDK finds your emulator by itself.
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";

export const client = new CloudWatchClient({});
