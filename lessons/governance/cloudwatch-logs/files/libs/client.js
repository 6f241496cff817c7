// The CloudWatch Logs client AWS's examples import from "../libs/client.js": the SDK finds your emulator by itself.
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";

export const client = new CloudWatchLogsClient({});
