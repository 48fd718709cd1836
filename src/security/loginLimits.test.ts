import { AuthenticationError, LockedAuth, type PayloadRequest, ValidationError } from 'payload'
import { describe, expect, it } from 'vitest'

import { oneLoginFailureMessage } from './loginLimits'

const req = { t: undefined } as unknown as PayloadRequest
const incorrect = new AuthenticationError().message

describe('one message for every failed login', () => {
  it('a locked account answers as a wrong password does (REST)', () => {
    expect(oneLoginFailureMessage({ error: new LockedAuth(undefined as never), req, context: {} })).toEqual({
      status: 401,
      response: { errors: [{ message: incorrect }] },
    })
  })

  it('a locked account answers as a wrong password does (GraphQL)', () => {
    const graphqlResult = {
      message: 'This user is locked',
      path: ['loginUser'],
      extensions: { name: 'LockedAuth', statusCode: 401 },
    }
    const error = Object.assign(new Error('locked'), { originalError: new LockedAuth(undefined as never) })
    expect(oneLoginFailureMessage({ error, graphqlResult, req, context: {} })).toEqual({
      graphqlResult: {
        message: incorrect,
        path: ['loginUser'],
        extensions: { name: 'AuthenticationError', statusCode: 401 },
      },
    })
  })

  it('leaves other errors alone', () => {
    expect(
      oneLoginFailureMessage({
        error: new ValidationError({ errors: [{ message: 'required', path: 'email' }] }),
        req,
        context: {},
      }),
    ).toBeUndefined()
  })
})
