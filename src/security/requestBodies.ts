/** A body problem a client fixes: answered 400 naming the part of the request. */
export type BodyProblem = { parameter: string; message: string }

const contentTypeOf = (request: Request) =>
  (request.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase()

const isJson = (text: string) => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/**
 * Payload reads a multipart body's `_payload` field with a bare JSON.parse (a SyntaxError: 500, body
 * lost), on REST writes, auth routes and GraphQL alike. Checked on a copy of the body, which the body
 * cap (bodyLimits.ts) has already bounded.
 */
export const checkMultipartBody = async (request: Request): Promise<BodyProblem | null> => {
  if (
    !['POST', 'PATCH', 'PUT'].includes(request.method) ||
    !request.body ||
    !contentTypeOf(request).startsWith('multipart/')
  )
    return null
  let form: FormData
  try {
    form = await request.clone().formData()
  } catch {
    return { parameter: 'body', message: 'body is not readable multipart/form-data (check the boundary and the parts)' }
  }
  const data = form.get('_payload')
  if (typeof data === 'string' && !isJson(data)) {
    return {
      parameter: '_payload',
      message: '_payload is not valid JSON; send the document fields as one JSON object in _payload',
    }
  }
  return null
}

/**
 * Payload answers `POST` with `X-Payload-HTTP-Method-Override: GET` as a GET whose query is the
 * form body (urlencoded) or a JSON body: the query string the GET will parse, or a problem with the
 * JSON, or null when the request is not such an override.
 */
export const methodOverrideQuery = async (request: Request): Promise<{ search: string } | BodyProblem | null> => {
  const overridden = ['x-payload-http-method-override', 'x-http-method-override'].some(
    (name) => request.headers.get(name) === 'GET',
  )
  if (request.method !== 'POST' || !overridden) return null
  // Payload compares the whole header, so only these exact types take the override paths.
  const type = request.headers.get('content-type')
  if (type === 'application/x-www-form-urlencoded')
    return { search: new URL(`${request.url}?${await request.clone().text()}`).search }
  if (type === 'application/json' && !isJson(await request.clone().text())) {
    return { parameter: 'body', message: 'body is not valid JSON' }
  }
  return null
}
