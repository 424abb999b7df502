/** Organizations and their memberships from main (issue 11): queries and mutations over the `organizations:*` and `memberships:*` channels. */
export {};
