import { isServablePackage, sdkTypes } from '@/lib/editor/sdk-types'

/** GET /api/types?package=@aws-sdk/client-s3 → { files: { "<path under node_modules>": "<d.ts>" } } */
export function GET(request: Request) {
  const name = new URL(request.url).searchParams.get('package') ?? ''
  if (!isServablePackage(name)) {
    return Response.json(
      { error: `No type declarations for "${name}": only installed @aws-sdk packages are served.` },
      { status: 404 },
    )
  }
  return Response.json({ files: sdkTypes(name) }, { headers: { 'cache-control': 'public, max-age=86400' } })
}
