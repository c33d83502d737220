/** After a write on the support's page: refetch the support (and the catalogue), then tell the page. */
import { invalidate } from '../client';

export const refreshSupports = () => invalidate('/knowledge-supports');

export const afterWrite = (onDone: () => void) => ({
  onSuccess: async () => {
    await refreshSupports();
    onDone();
  },
});
