import { useQuery } from '@tanstack/react-query';
import { exportKeys, listExportFormats } from '../api';

export function useExportFormats() {
  return useQuery({ queryKey: exportKeys.formats, queryFn: listExportFormats, staleTime: Infinity });
}
