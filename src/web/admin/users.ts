/** The users list, all pages (the administration pages name users by id). */
import { useQuery } from '@tanstack/react-query';
import { call, client, type Schema } from '../client';
import { allPages } from '../components/allPages';

export type User = Schema<'User'>;

export const useAllUsers = () =>
  useQuery({
    queryKey: ['get', '/users', 'all'],
    queryFn: ({ signal }) =>
      allPages((cursor) =>
        call(client.GET('/users', { params: { query: { limit: 500, ...(cursor ? { cursor } : {}) } }, signal })),
      ),
  });
