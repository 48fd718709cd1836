import { describe, expect, it } from 'vitest'

import { eventForDelete, eventForSave, subscribes } from './events'

describe('events from saves', () => {
  it('names publish, unpublish and update, and stays silent for draft work', () => {
    expect(eventForSave({ wasPublic: false, isPublic: true, wrotePublic: true })).toBe('publish')
    expect(eventForSave({ wasPublic: true, isPublic: false, wrotePublic: false })).toBe('unpublish')
    expect(eventForSave({ wasPublic: true, isPublic: true, wrotePublic: true })).toBe('update')
    expect(eventForSave({ wasPublic: true, isPublic: true, wrotePublic: false })).toBeUndefined()
    expect(eventForSave({ wasPublic: false, isPublic: false, wrotePublic: false })).toBeUndefined()
    expect(eventForDelete(true)).toBe('delete')
    expect(eventForDelete(false)).toBeUndefined()
  })

  it('matches a webhook by event and collection; no collections means all; disabled means none', () => {
    const hook = { enabled: true, events: ['publish', 'delete'], contentTypes: ['playbooks'] }
    expect(subscribes(hook, 'publish', 'playbooks')).toBe(true)
    expect(subscribes(hook, 'update', 'playbooks')).toBe(false)
    expect(subscribes(hook, 'publish', 'tags')).toBe(false)
    expect(subscribes({ ...hook, contentTypes: [] }, 'publish', 'tags')).toBe(true)
    expect(subscribes({ ...hook, enabled: false }, 'publish', 'playbooks')).toBe(false)
  })
})
