import type { Socket } from 'node:net'

/** Joins two sockets both ways (the byte bridges into and out of sandboxes); an error on either ends both. */
export function splice(a: Socket, b: Socket) {
  a.pipe(b).pipe(a)
  const close = () => {
    a.destroy()
    b.destroy()
  }
  a.on('error', close)
  b.on('error', close)
}
