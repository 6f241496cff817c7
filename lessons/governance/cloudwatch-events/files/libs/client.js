// The CloudWatch Events client AWS's examples import from "../libs/client.js": the SDK finds your emulator by itself.
import { CloudWatchEventsClient } from "@aws-sdk/client-cloudwatch-events";

export const client = new CloudWatchEventsClient({});
