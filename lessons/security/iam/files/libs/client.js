// The STS client AWS's examples import from "../libs/client.js": the SDK finds your emulator by itself.
import { STSClient } from "@aws-sdk/client-sts";

export const client = new STSClient({});
